// The help center's search box: submitting it opens the results page for the words typed.
import { useState } from "react";
import { TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { navigate } from "../../router/router.tsx";

export function HelpSearchBox({
  initial = "",
  autoFocus = false,
}: {
  initial?: string;
  autoFocus?: boolean;
}) {
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) navigate(`/help/search?q=${encodeURIComponent(q.trim())}`);
      }}
    >
      <TextInput
        aria-label="Search help"
        placeholder="Search the help center (e.g. “reverse an entry”)"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        autoFocus={autoFocus}
        maw={520}
      />
    </form>
  );
}
