-- An event type's test actions are listed newest first, a page at a time (its page, the API). With only the foreign
-- key's index on event_type_id (and the unique one on (event_type_id, order_id)), both databases read every test
-- action of the event type, payloads included, and sorted them by id for each page: an event type with ten thousand
-- rejected tests read them all to show fifty. With id in the index, in the list's own order, a page reads its rows.
create index ix_test_action_event_type_newest on test_action (event_type_id, id desc);
