/**
 * Scheme files: the documented, human-editable YAML format of schemes (docs/scheme-format.md), its loader with
 * validation that reports every problem with its line and path, and the built-in presets. The only place that
 * may use the YAML library.
 */
package cn.vanguard.scheme.file;
