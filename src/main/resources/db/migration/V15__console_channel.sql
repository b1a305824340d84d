-- Changes made from the console across programs (bulk enable and disable) say so in the history.
alter table history_entry drop constraint ck_history_entry_channel;
alter table history_entry add constraint ck_history_entry_channel check (channel in ('PAGE', 'API', 'CONSOLE'));
