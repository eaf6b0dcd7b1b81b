-- One viewer's denied lookups at a facility in a period (workbench.AlertJudge counts them for the
-- DENIALS alert, for every viewer of every batch): a range of this index, instead of every denial
-- of the facility's day read row by row.
create index access_denied_viewer on access_denied (facility_code, viewer_id, at_ms);
