-- Documents (src/modules/documents): each client's folder tree, its documents and their versions.
-- The bytes live in the blob store (local disk or S3, src/platform/storage); a version row keeps the
-- blob's key, size, SHA-256 and the content type sniffed from the bytes.

create table document_folders (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  -- Null for the client's top-level folders.
  parent_id uuid,
  name text not null check (char_length(name) between 1 and 200),
  -- A standard folder's stable role (documents/folder-tree-model.ts: 'bank-statements', 'payroll',
  -- 'bank-account:<id>', 'bank-year:<id>:<year>', …), so creating the standard tree is idempotent and
  -- a renamed standard folder is still found. Null for folders people make.
  system_key text check (char_length(system_key) <= 200),
  -- The bank account a Bank statements / <account> folder (and its year folders) is about.
  bank_account_id uuid,
  created_by text not null,
  created_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, parent_id) references document_folders (client_id, id),
  unique (client_id, id)
);
create unique index document_folders_system on document_folders (client_id, system_key) where system_key is not null;
-- Two folders of one parent never share a name (case aside).
create unique index document_folders_name on document_folders
  (client_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
select closebook_tenant_rls('document_folders', 'client_id');

create table documents (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  folder_id uuid not null,
  name text not null check (char_length(name) between 1 and 255),
  -- The month a bank statement covers (its first day), for the missing-statements view.
  period date check (extract(day from period) = 1),
  -- Soft delete: in the trash from deleted_at, purged 30 days later (documents/trash-model.ts).
  deleted_at timestamptz,
  deleted_by text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, folder_id) references document_folders (client_id, id),
  check ((deleted_at is null) = (deleted_by is null)),
  unique (client_id, id)
);
-- One live document per name in a folder: uploading that name again adds a version.
create unique index documents_name on documents (folder_id, lower(name)) where deleted_at is null;
create index documents_folder on documents (client_id, folder_id) where deleted_at is null;
create index documents_trash on documents (deleted_at) where deleted_at is not null;
create index documents_period on documents (client_id, folder_id, period) where deleted_at is null and period is not null;
select closebook_tenant_rls('documents', 'client_id');

create table document_versions (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  document_id uuid not null,
  version integer not null check (version >= 1),
  blob_key text not null check (blob_key ~ '^[0-9a-f-]{36}$'),
  size bigint not null check (size >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Sniffed from the bytes, never taken from the name or the request.
  content_type text not null check (char_length(content_type) <= 100),
  -- The name the file had when this version was uploaded.
  file_name text not null check (char_length(file_name) between 1 and 255),
  created_by text not null,
  created_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, document_id) references documents (client_id, id),
  unique (document_id, version)
);
select closebook_tenant_rls('document_versions', 'client_id');
