/* startlan: symbol export macro.
 *
 * Everything in the library is built with hidden visibility; only symbols
 * marked SL_API are exported. SL_WARN_UNUSED marks functions whose status
 * must be checked. */
#ifndef STARTLAN_EXPORT_H
#define STARTLAN_EXPORT_H

#if defined(_WIN32) && defined(SL_BUILDING_DLL)
#define SL_API __declspec(dllexport)
#elif defined(__GNUC__) && defined(SL_BUILDING)
#define SL_API __attribute__((visibility("default")))
#else
#define SL_API
#endif

#if defined(__GNUC__)
#define SL_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define SL_WARN_UNUSED
#endif

#endif
