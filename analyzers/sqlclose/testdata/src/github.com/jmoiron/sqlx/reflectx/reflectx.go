// Package reflectx stands in for github.com/jmoiron/sqlx/reflectx: only the
// Mapper type that sqlx's exported fields mention.
package reflectx

// Mapper maps struct fields to column names.
type Mapper struct{ tag string }

// NewMapper returns a mapper for the struct tag.
func NewMapper(tagName string) *Mapper { return &Mapper{tag: tagName} }
