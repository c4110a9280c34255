module envlocale

go 1.26
