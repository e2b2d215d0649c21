-- Saving a household file replaces its family members (update-household), so
-- each removed member is looked up in the aid records and campaign lists that
-- may name it as the student; without these indexes every removal scanned both
-- tables, which grow by the province's every grant. The other references are
-- indexed by the same rule (test/foreign-key-indexes.test.ts), should their
-- rows ever be removed.
create index assistance_aid_record_student_member on assistance_aid_record (student_member_id) where student_member_id is not null;
create index assistance_aid_record_receipt_file on assistance_aid_record (receipt_file_id) where receipt_file_id is not null;
create index assistance_aid_campaign_household_student_member on assistance_aid_campaign_household (student_member_id) where student_member_id is not null;
create index assistance_aid_campaign_household_record on assistance_aid_campaign_household (record_id) where record_id is not null;
create index assistance_return_alert_exit on assistance_return_alert (exit_id);
