// Package pgconn stands in for github.com/jackc/pgx/v5/pgconn: the types
// that pgx's exported signatures mention.
package pgconn

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct {
	s string
}

func (ct CommandTag) RowsAffected() int64 { return int64(len(ct.s)) }
func (ct CommandTag) String() string      { return ct.s }

type FieldDescription struct {
	Name                 string
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}

type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []FieldDescription
}

type Config struct {
	Host     string
	Port     uint16
	Database string
	User     string
	Password string
}
