-- A username names one person in any letter case: `Admin` beside `admin` would be a second account that reads as the
-- first in every log and event. A store holding two such accounts stops this migration; rename one first
-- (docs/operations.md).
create unique index user_account_username_any_case on user_account (lower(username));
