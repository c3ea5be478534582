// GDAL's C API: datasets, OGR layers and features, spatial references, error handling.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
