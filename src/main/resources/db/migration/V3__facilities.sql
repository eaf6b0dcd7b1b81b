create table facility (
  facility_code varchar(10) primary key,
  kind varchar(16) not null,
  name varchar(200) not null,
  name_kana varchar(200) not null,
  postal_code varchar(8) not null,
  address varchar(300) not null,
  municipality_code varchar(6) not null,
  phone varchar(13) not null,
  registered_at bigint not null
);
