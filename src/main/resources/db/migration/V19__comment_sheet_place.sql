-- The ISO commenting template's "Line number" and "Paragraph/Figure/Table" columns, kept with a comment imported
-- from a sheet (or typed), so that they go back out into the reviewer's sheet and the disposition tables.
alter table comment add column line_number text not null default '';
alter table comment add column location text not null default '';
