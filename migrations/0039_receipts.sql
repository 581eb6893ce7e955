-- Receipts and bills (src/modules/receipts): what was read from each receipt document (vendor, date,
-- total, tax, currency, each with its confidence), where it stands (being read, waiting for a
-- person in "Receipts to match", matched, dismissed, unreadable) and the transactions suggested for
-- it; and the Transaction Manager's attachments: documents attached to transactions.

create table receipt_readings (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  document_id uuid not null,
  state text not null check (state in ('reading', 'to_match', 'matched', 'dismissed', 'unreadable')),
  -- How the text was found: a PDF's text layer, OCR of a photo, OCR of a scanned PDF's page.
  source text check (source in ('pdf_text', 'ocr_image', 'ocr_pdf')),
  vendor text check (char_length(vendor) <= 200),
  vendor_confidence double precision check (vendor_confidence between 0 and 1),
  receipt_date date,
  date_confidence double precision check (date_confidence between 0 and 1),
  -- Minor units of `currency` (2 decimals; 0 for JPY).
  total bigint,
  total_confidence double precision check (total_confidence between 0 and 1),
  tax bigint,
  tax_confidence double precision check (tax_confidence between 0 and 1),
  currency text check (currency ~ '^[A-Z]{3}$'),
  currency_confidence double precision check (currency_confidence between 0 and 1),
  -- The lines read (kept for the person checking the reading; cut at 20,000 characters).
  text text check (char_length(text) <= 20000),
  -- Why it could not be read, in a sentence.
  problem text check (char_length(problem) <= 500),
  -- [{ "transactionId", "score", "reasons": [...] }], best first.
  suggestions jsonb not null default '[]',
  transaction_id uuid,
  match_score double precision,
  read_ms integer,
  read_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, document_id) references documents (client_id, id),
  foreign key (client_id, transaction_id) references transactions (client_id, id),
  check ((state = 'matched') = (transaction_id is not null)),
  unique (client_id, document_id)
);
create index receipt_readings_state on receipt_readings (client_id, state, created_at);
select closebook_tenant_rls('receipt_readings', 'client_id');

create table transaction_attachments (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  transaction_id uuid not null,
  document_id uuid not null,
  -- 'receipt': attached by the receipt matcher or a person choosing its match.
  source text not null check (source in ('receipt', 'person')),
  attached_by text not null,
  attached_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, transaction_id) references transactions (client_id, id),
  foreign key (client_id, document_id) references documents (client_id, id),
  unique (transaction_id, document_id)
);
create index transaction_attachments_document on transaction_attachments (client_id, document_id);
select closebook_tenant_rls('transaction_attachments', 'client_id');
