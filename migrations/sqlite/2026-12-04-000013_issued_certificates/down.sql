DROP TABLE issued_certificates;
