-- Firm branding gains a colour (issue 12): the band, headings and rules of the monthly report
-- package's cover use it. Null keeps the package's neutral look. Stored lower-case as #rrggbb.
alter table firms
  add column brand_color text check (brand_color ~ '^#[0-9a-f]{6}$');
