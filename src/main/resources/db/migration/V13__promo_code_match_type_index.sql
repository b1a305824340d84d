-- A program's regex codes are read on every code created and every import checked, to compare them with the new
-- codes; without this index both databases read all the program's codes, exact ones included, to find the few
-- regex ones.
create index ix_promo_code_program_match on promo_code (program_id, match_type);
