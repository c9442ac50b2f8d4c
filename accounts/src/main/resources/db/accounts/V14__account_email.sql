-- An account's e-mail address, for the reporting cycle's reminders; null when the person gets none.
alter table user_account add column email varchar(254);
