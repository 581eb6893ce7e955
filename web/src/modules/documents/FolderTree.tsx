// The client's folders as a tree of links: standard folders first in their fixed order, then the
// others by name. Choosing one lists its documents.
import { NavLink } from "@mantine/core";
import { IconFolder, IconFolderOpen } from "@tabler/icons-react";
import type { Folder } from "../../api/documents.ts";

export function FolderTree({
  folders,
  selected,
  onSelect,
}: {
  folders: Folder[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const children = new Map<string | null, Folder[]>();
  for (const f of folders) children.set(f.parentId, [...(children.get(f.parentId) ?? []), f]);
  // The path to the selected folder stays open.
  const open = new Set<string>();
  const byId = new Map(folders.map((f) => [f.id, f]));
  for (
    let at = selected ? byId.get(selected) : undefined;
    at;
    at = at.parentId ? byId.get(at.parentId) : undefined
  )
    open.add(at.id);
  const render = (parent: string | null) =>
    (children.get(parent) ?? []).map((f) => {
      const kids = children.get(f.id) ?? [];
      return (
        <NavLink
          key={f.id}
          label={f.name}
          active={f.id === selected}
          leftSection={f.id === selected ? <IconFolderOpen size={16} /> : <IconFolder size={16} />}
          defaultOpened={open.has(f.id)}
          onClick={() => onSelect(f.id)}
          childrenOffset={16}
          data-testid={`folder-${f.name}`}
        >
          {kids.length ? render(f.id) : undefined}
        </NavLink>
      );
    });
  return <nav aria-label="Folders">{render(null)}</nav>;
}
