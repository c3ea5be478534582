// GDAL's C API: datasets, OGR layers and features, spatial references, error handling.
//
// GDAL is opened when a GDAL format is first written (dlopen), not linked: a run that writes none does
// not load GDAL and the libraries only it links (24 MiB resident, and their start-up). The functions
// gigaplan calls are listed once below; `GDALAPI` holds them with the types GDAL's own headers declare.
#if __has_include(<gdal/gdal.h>)
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_error.h>
#else
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#endif
#include <dlfcn.h>
#include <stddef.h>

#define GDALAPI_FUNCTIONS(F) \
    F(CPLErrorReset) F(CPLGetLastErrorMsg) F(CPLGetLastErrorType) \
    F(GDALAllRegister) F(GDALClose) F(GDALCreate) F(GDALDatasetCreateLayer) F(GDALGetDriverByName) \
    F(GDALGetRasterBand) F(GDALRasterIO) F(GDALSetDescription) F(GDALSetGeoTransform) \
    F(GDALSetRasterNoDataValue) F(GDALSetSpatialRef) \
    F(OGR_FD_GetFieldCount) F(OGR_F_Create) F(OGR_F_Destroy) F(OGR_F_SetFieldDouble) F(OGR_F_SetFieldInteger) \
    F(OGR_F_SetFieldInteger64) F(OGR_F_SetFieldNull) F(OGR_F_SetFieldString) F(OGR_F_SetGeometryDirectly) \
    F(OGR_Fld_Create) F(OGR_Fld_Destroy) F(OGR_Fld_SetPrecision) F(OGR_Fld_SetWidth) F(OGR_G_CreateFromWkb) \
    F(OGR_L_CreateFeature) F(OGR_L_CreateField) F(OGR_L_GetLayerDefn) \
    F(OSRDestroySpatialReference) F(OSRNewSpatialReference) F(OSRSetAxisMappingStrategy) F(OSRSetFromUserInput)

/// The GDAL functions gigaplan calls, each a pointer of the type GDAL declares.
typedef struct GDALAPI {
#define GDALAPI_MEMBER(name) __typeof__(name) *name;
    GDALAPI_FUNCTIONS(GDALAPI_MEMBER)
#undef GDALAPI_MEMBER
} GDALAPI;

/// Fills `api` from `library` (a dlopen handle); returns NULL, or the name of a function the library lacks.
static inline const char *GDALAPI_resolve(void *library, GDALAPI *api) {
#define GDALAPI_RESOLVE(name) \
    if (!(api->name = (__typeof__(name) *)dlsym(library, #name))) return #name;
    GDALAPI_FUNCTIONS(GDALAPI_RESOLVE)
#undef GDALAPI_RESOLVE
    return NULL;
}
