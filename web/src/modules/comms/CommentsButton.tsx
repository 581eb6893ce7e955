// A "Comments" button for a page about one object (a journal entry, a reconciliation) that opens
// the object's comments in a drawer. A link with "?comments=open" (a notification's) opens it on
// arrival; closing it drops that from the address.
import { useState } from "react";
import { Button } from "@mantine/core";
import { IconMessage } from "@tabler/icons-react";
import { useLinkedItem } from "../../router/linked-item.ts";
import { CommentsDrawer } from "./CommentsDrawer.tsx";

export function CommentsButton({ client, object, title }: { client: string; object: string; title: string }) {
  const [linked, setLinked] = useLinkedItem("comments");
  const [open, setOpen] = useState(false);
  const shown = open || linked !== null;
  return (
    <>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconMessage size={16} />}
        onClick={() => setOpen(true)}
      >
        Comments
      </Button>
      {shown && (
        <CommentsDrawer
          client={client}
          object={object}
          title={title}
          onClose={() => {
            setOpen(false);
            setLinked(null);
          }}
        />
      )}
    </>
  );
}
