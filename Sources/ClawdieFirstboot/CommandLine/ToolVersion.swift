/// The version recorded in every journal run and printed by `--version`.
package let toolVersion = "0.1.0"
