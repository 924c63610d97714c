-- A dataset report answered from metadata alone: no resource file is opened.
-- bin/datamint-sql -f examples/sql/report.sql   (after: bin/datamint-sample /tmp/sample-project)
CREATE TEMPORARY VIEW resources USING datamint OPTIONS (path '/tmp/sample-project');

-- One row per annotation, and one row (annotation columns NULL) per resource without any: OUTER keeps those
-- resources, so that they are counted below.
CREATE TEMPORARY VIEW annotation_rows AS
SELECT resource_id, patient_id, modality, a.*
FROM resources LATERAL VIEW OUTER explode(annotations) t AS a;

SELECT modality,
       count(DISTINCT resource_id)                                  AS resources,
       count(DISTINCT patient_id)                                   AS patients,
       count_if(annotation_type = 'label')                          AS labels,
       count_if(annotation_type = 'segmentation')                   AS segmentations,
       count(DISTINCT coalesce(created_by, created_by_model))       AS annotators
FROM annotation_rows
GROUP BY modality
ORDER BY modality;
