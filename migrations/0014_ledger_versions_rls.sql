-- The report-cache counter (0010) came after the tenant wall (0007): it gets the standard policy
-- too, so a request in one tenant's scope can neither read nor bump another client's version.
select closebook_tenant_rls('ledger_versions', 'client_id');
