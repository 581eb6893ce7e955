// The comments of one object in a drawer of their own, for pages whose objects have no drawer yet
// (the Transaction Manager's rows).
import { Drawer } from "@mantine/core";
import { CommentThread } from "./CommentThread.tsx";

export function CommentsDrawer({
  client,
  object,
  title,
  onClose,
}: {
  client: string;
  object: string;
  title: string;
  onClose: () => void;
}) {
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={title}>
      <CommentThread client={client} object={object} />
    </Drawer>
  );
}
