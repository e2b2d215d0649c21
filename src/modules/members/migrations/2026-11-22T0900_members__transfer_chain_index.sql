-- A transfer's new membership points back at the one it continues
-- (transferred_from_id). Without an index on that column, removing a membership
-- made PostgreSQL scan every membership to check the reference: deleting the
-- demo province's 50,000 memberships took 37 s on PostgreSQL and 72 s on PGlite.
-- Few memberships are transfers, so the index holds only those rows.
create index members_membership_transferred_from on members_membership (transferred_from_id)
  where transferred_from_id is not null;
