-- The review records of the workbench (review.FacilityReviews): one row per ReviewRecorded, the
-- facility's logs of the Japan days from_day..to_day (inclusive) examined by reviewed_by, with a
-- finding (review.ReviewFinding) and the implementing body's note. Read per facility by period.
create table facility_review (
  review_id varchar(48) primary key,
  facility_code varchar(10) not null,
  from_day date not null,
  to_day date not null,
  finding varchar(24) not null,
  note varchar(2000),
  reviewed_by varchar(64) not null,
  at_ms bigint not null,
  recorded_at_ms bigint not null
);

create index facility_review_by_facility on facility_review (facility_code, from_day);
