-- Partners' promo code requests are listed newest first, a page at a time: a program's (the brand's page and the API),
-- a program's of one partner (the partner in the API, the brand's partner filter) and a partner's in every program
-- (the partner's own page). With only (program_id, state) and (partner_id, id) indexed, both databases read every
-- request of the program and sorted them by id for each page, and H2 cannot read (partner_id, id) backwards: a
-- program of a hundred thousand requests read them all to show fifty. With id in the index, in the list's own order,
-- a page reads just its rows. (program_id, state) stays: the console counts each program's open requests with it.
create index ix_promo_code_request_program_newest on promo_code_request (program_id, id desc);
create index ix_promo_code_request_program_partner_newest on promo_code_request (program_id, partner_id, id desc);
-- A partner's requests in every program. It serves every lookup the index on (partner_id, id) served, which is
-- dropped: one index fewer to write on each request made.
create index ix_promo_code_request_partner_newest on promo_code_request (partner_id, id desc);
drop index ix_promo_code_request_partner;
