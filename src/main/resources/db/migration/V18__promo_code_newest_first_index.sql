-- The list of a program's codes (page, API) is newest first, a page at a time, and the CSV export reads it in
-- batches below the last id it wrote. With only (program_id, partner_id) indexed, both databases read every code of
-- the program and sorted them by id for each page: a program of a hundred thousand codes read them all to show
-- fifty. With id in the index, in the list's own order, a page or a batch reads just its rows.
create index ix_promo_code_program_newest on promo_code (program_id, id desc);
-- The same list filtered by partner. It starts with (program_id, partner_id), so it serves every lookup the index on
-- those two columns served, which is dropped: one index fewer to write on each code created.
create index ix_promo_code_program_partner_newest on promo_code (program_id, partner_id, id desc);
drop index ix_promo_code_program_partner;
