// Recovery codes, shown once: each replaces a 2FA code one time. Copy or download them.
import { Button, CopyButton, Group, SimpleGrid, Code } from "@mantine/core";
import { IconCopy, IconDownload } from "@tabler/icons-react";

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = codes.join("\n");
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([`Closebook recovery codes\n\n${text}\n`], { type: "text/plain" }),
    );
    const a = Object.assign(document.createElement("a"), {
      href: url,
      download: "closebook-recovery-codes.txt",
    });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <SimpleGrid cols={2} spacing={6} aria-label="Recovery codes" role="list">
        {codes.map((c) => (
          <Code key={c} role="listitem" fz="md" ta="center" py={4}>
            {c}
          </Code>
        ))}
      </SimpleGrid>
      <Group grow mt="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button type="button" variant="default" leftSection={<IconCopy size={16} />} onClick={copy}>
              {copied ? "Copied" : "Copy"}
            </Button>
          )}
        </CopyButton>
        <Button type="button" variant="default" leftSection={<IconDownload size={16} />} onClick={download}>
          Download
        </Button>
      </Group>
    </>
  );
}
