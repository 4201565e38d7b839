// Package registries holds containers that look like caches but are
// registries or lookup tables: none of them is reported.
package registries

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// A driver registry in the style of database/sql: Register is called from
// other packages' init functions.
type Driver interface{ Open(name string) error }

var drivers = map[string]Driver{}

func Register(name string, d Driver) {
	drivers[name] = d
}

// The doc says register, and the value is a caller-supplied factory.
type Factory func() any

var factories = map[string]Factory{}

// Codec adds a codec factory to the table; call it at start-up.
func Codec(name string, f Factory) {
	factories[strings.ToLower(name)] = f
}

// A duplicate check that panics marks a registry.
var formats = map[string]string{}

func AddFormat(name, magic string) {
	if _, dup := formats[name]; dup {
		panic("format " + name + " added twice")
	}
	formats[name] = magic
}

// A duplicate check that returns an error does too.
var schemes = map[string]int{}

var errDuplicate = errors.New("duplicate scheme")

func AddScheme(name string, port int) error {
	if _, ok := schemes[name]; ok {
		return errDuplicate
	}
	schemes[name] = port
	return nil
}

// Known keys only: updates a bounded set.
var defaults = map[string]string{"color": "auto", "pager": "less"}
var overrides = map[string]string{}

func Override(name, value string) error {
	if _, ok := defaults[name]; !ok {
		return fmt.Errorf("unknown setting %q", name)
	}
	overrides[name] = value
	return nil
}

// A lookup table filled in init.
var mimeByExt = map[string]string{}

func init() {
	for _, kv := range []string{".html=text/html", ".css=text/css"} {
		ext, typ, _ := strings.Cut(kv, "=")
		mimeByExt[ext] = typ
	}
}

// Filled by a package-level initialiser.
var squares = buildSquares()

func buildSquares() map[int]int {
	m := map[int]int{}
	for i := range 100 {
		m[i] = i * i
	}
	return m
}

// An unexported helper called only from init.
var aliases = map[string]string{}

func alias(from, to string) { aliases[from] = to }

func init() {
	alias("colour", "color")
	alias("grey", "gray")
}

// Built once by sync.Once.
var (
	tableOnce sync.Once
	table     map[string]int
)

func lookup(words []string, w string) int {
	tableOnce.Do(func() {
		table = map[string]int{}
		for i, word := range words {
			table[word] = i
		}
	})
	return table[w]
}

// Lookup uses lookup so that it is reachable at run time.
func Lookup(words []string, w string) int { return lookup(words, w) }

// Memoisation keyed by types is bounded by the program.
var fieldCache sync.Map

func Fields(v any) []string {
	t := reflect.TypeOf(v)
	if f, ok := fieldCache.Load(t); ok {
		return f.([]string)
	}
	var names []string
	for i := range t.NumField() {
		names = append(names, t.Field(i).Name)
	}
	fieldCache.Store(t, names)
	return names
}

var encoders = map[reflect.Type]func(any) string{}

func EncoderFor(v any) func(any) string {
	t := reflect.TypeOf(v)
	if e, ok := encoders[t]; ok {
		return e
	}
	e := func(any) string { return t.String() }
	encoders[t] = e
	return e
}

// Keys of small types.
type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

var levelCounts = map[Level]int{}

func Count(l Level) { levelCounts[l]++ }

var flags = map[bool]int{}

func Flag(on bool) { flags[on]++ }

var byteHist = map[byte]int{}

func Hist(data []byte) {
	for _, b := range data {
		byteHist[b]++
	}
}

// Constant keys written at run time.
var stats = map[string]int{}

func Hit() { stats["hits"]++ }

// Hooks that store caller-supplied behaviour.
var shutdownHooks []func()

func OnShutdown(f func()) { shutdownHooks = append(shutdownHooks, f) }

// Written only from main-like start-up code of an unexported function
// that nothing at run time calls.
var env = map[string]string{}

func loadEnv(pairs []string) {
	for _, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		env[k] = v
	}
}

func init() { loadEnv([]string{"A=1"}) }

// Modulo keeps the key in a small range.
var shards = map[uint64][]string{}

func Shard(h uint64, s string) {
	shards[h%16] = append(shards[h%16], s)
}

// Regression (sqlx.BindDriver): an exported setter that the package itself
// calls only from init is how the table is filled.
var binds sync.Map

func init() {
	for _, d := range []string{"postgres", "pgx"} {
		BindDriver(d, 1)
	}
}

// BindDriver sets the bind type for a driver.
func BindDriver(driverName string, bindType int) { binds.Store(driverName, bindType) }

// Regression (pgx): a key that includes a reflect.Type is per-type
// metadata, whatever else it holds.
type fieldsKey struct {
	t       reflect.Type
	columns string
}

var columnCache sync.Map

func Columns(v any, cols []string) []int {
	key := fieldsKey{reflect.TypeOf(v), strings.Join(cols, ",")}
	if c, ok := columnCache.Load(key); ok {
		return c.([]int)
	}
	idx := make([]int, len(cols))
	columnCache.Store(key, idx)
	return idx
}

// Regression (internal/godebug): a function handed to a setter as a value
// runs for a caller this package cannot see; without a request-like
// signature its parameters are not taken for traffic.
var settings = map[string]string{}

func setUpdate(f func(env string)) { f("a=1") }

func update(env string) {
	for _, kv := range strings.Split(env, ",") {
		k, v, _ := strings.Cut(kv, "=")
		settings[k] = v
	}
}

func init() { setUpdate(update) }

// A doc comment decides nothing either way: AddMeta is silent because an
// exported function's parameter is traffic only with evidence (a context,
// a request, run-time callers in this package), and there is none.
var metaList []string

// AddMeta is invoked during package "init" functions by generated code.
func AddMeta(pkgpath string) { metaList = append(metaList, pkgpath) } // want AddMeta:`growsWith\(0, slice registries.metaList\)`

// Regression (go/types.NewScope): the helper never writes the container
// its guard excludes.
type scope struct {
	parent   *scope
	children []*scope
}

var universe = &scope{}

func newScope(parent *scope) *scope {
	s := &scope{parent: parent}
	if parent != nil && parent != universe {
		parent.children = append(parent.children, s)
	}
	return s
}

func NewPackageScope() *scope { return newScope(universe) }

// Regression (cmd/go's PerPackageFlag): a flag.Value's Set runs while the
// command line is parsed.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

var upstreams listFlag

type hostsFlag struct{ hosts []string }

func (h *hostsFlag) String() string { return "" }

func (h *hostsFlag) Set(v string) error {
	h.hosts = append(h.hosts, v)
	return nil
}

var Hosts hostsFlag

// Two small enums together are still small.
type Weekday uint8

const (
	Monday Weekday = iota
	Tuesday
)

var slots = map[struct {
	day Weekday
	am  bool
}]int{}

func Book(day Weekday, am bool) {
	slots[struct {
		day Weekday
		am  bool
	}{day, am}]++
}

// A duplicate check on a field of the argument that panics marks a
// registry whatever the function is called (leaks holds the same check
// returning an error: a de-duplication of traffic).
type Plugin struct{ Name string }

var plugins = map[string]*Plugin{}

func Declare(p *Plugin) {
	if _, dup := plugins[p.Name]; dup {
		panic("plugin " + p.Name + " declared twice")
	}
	plugins[p.Name] = p
}

// A router that keeps the handler it is given registers behaviour: its
// index keyed by the pattern is a registry too, whatever the method is
// called (ServeMux.Handle).
type node struct{ h func(path string) }

var (
	routeIndex = map[string]int{}
	routeNodes []*node
)

func Mount(pattern string, h func(path string)) {
	routeIndex[pattern] = len(routeNodes)
	routeNodes = append(routeNodes, &node{h: h})
}
