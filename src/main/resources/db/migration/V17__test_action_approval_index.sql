-- "Is the promo code validated?" (every settings page, call and save, and the console) and "is this event type
-- Active?" read the approved test actions of a program's event types. The index on (event_type_id, review_state)
-- was not enough for H2: its statistics count distinct values, not how rare 'APPROVED' is, so it rated that index
-- no better than the foreign key's on event_type_id alone, took the latter, and read every test action of the
-- event type; a program with ten thousand rejected tests made its settings page several times slower. This index
-- also holds every column those reads take, so H2 answers from it alone and rates it cheapest, and it reads only
-- the approved actions. PostgreSQL, which knows how rare a value is, gets index-only scans from it.
create index ix_test_action_approval on test_action (event_type_id, review_state, reviewed_at, promo_code, order_id,
    reviewed_by);
drop index ix_test_action_review;
