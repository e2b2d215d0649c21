-- Each reference to a row that may be removed gets an index on the referencing
-- side, so the removal looks its references up instead of scanning the table.
-- These rows go in cascades (a plan's sections, a section's measures) or by a
-- use case (删除指标 removes an indicator and, by cascade, its report figures,
-- which across a province's plans run to millions of rows).
create index plans_section_parent on plans_section (parent_id) where parent_id is not null;
create index plans_measure_section on plans_measure (section_id);
create index plans_measure_unit_plan on plans_measure_unit (plan_id);
create index plans_allocation_plan on plans_allocation (plan_id);
create index plans_report_workflow_instance on plans_report (workflow_instance_id) where workflow_instance_id is not null;
create index plans_report_figure_indicator on plans_report_figure (indicator_id);
create index plans_auto_reminder_plan on plans_auto_reminder (plan_id);
create index plans_supervision_measure on plans_supervision (measure_id);
