-- Membership card numbers are codes (digits and letters, by the union's rule):
-- their unique index compares bytes (collation "C"), not the database's
-- language collation, like the blind indexes (core migration 1900). An import
-- checks and inserts a card number for every row.
alter table members_membership alter column card_number type text collate "C";
