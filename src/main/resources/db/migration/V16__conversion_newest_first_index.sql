-- The list of a program's conversions (page and API) is newest first: by occurred_at, then by id between
-- conversions of the same instant. The index on (program_id, occurred_at) gave the instants in order but not
-- the ids within one, so both databases read and sorted every conversion of the newest instant before taking
-- a page; a batch of conversions sent with one occurredAt (a nightly upload, say) made each page read and sort
-- all of them. With id in the index, in the list's own order, a page reads just its rows. The report's date
-- ranges read the same index.
create index ix_conversion_program_newest on conversion (program_id, occurred_at desc, id desc);
drop index ix_conversion_program_occurred;
