package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// SARIF 2.1.0, the subset that GitHub code scanning and SARIF viewers read.
// It is written here rather than taken from a SARIF library: the ones
// available link a JSON-schema validator and the whole schema into the
// binary, and emit empty optional members that this output does without.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot names the repository's root (see sarifRoot); result URIs
	// are relative to it so that code scanning maps them onto the
	// repository's files.
	srcRoot = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string            `json:"ruleId"`
	RuleIndex        int               `json:"ruleIndex"`
	Level            string            `json:"level"`
	Message          sarifText         `json:"message"`
	Locations        []sarifLocation   `json:"locations"`
	RelatedLocations []sarifLocation   `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix        `json:"fixes,omitempty"`
	Properties       map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion holds either lines and columns (a finding's span) or a byte
// range (a fix's replaced text).
type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// writeSARIF prints findings as one SARIF run with a rule per check that
// ran, in suite order. Output depends only on the findings, the checks and
// root, so the same tree gives the same bytes.
func writeSARIF(w io.Writer, findings []finding, checks []*analysis.Analyzer, root string) error {
	cols := columnConverter{}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "leakvet",
			InformationURI: "https://github.com/leakvet/leakvet",
			Version:        buildVersion(),
		}},
		Results: []sarifResult{},
		// Go positions count bytes; SARIF's default counts UTF-16 units.
		// Code points are what editors show, and what cols converts to.
		ColumnKind: "unicodeCodePoints",
	}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(root) + "/"}}
	}
	ruleIndex := map[string]int{}
	for i, a := range checks {
		ruleIndex[a.Name] = i
		summary, body, _ := strings.Cut(a.Doc, "\n")
		summary = strings.TrimPrefix(summary, a.Name+": ")
		if body = strings.TrimSpace(body); body == "" {
			body = summary
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{summary},
			FullDescription:      sarifText{body},
			Help:                 sarifText{a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifConfiguration{Level: "warning"},
		})
	}
	for _, f := range findings {
		r := sarifResult{
			RuleID:    f.Check,
			RuleIndex: ruleIndex[f.Check],
			Level:     "warning",
			Message:   sarifText{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact(f.File, root),
				Region: sarifRegion{
					StartLine:   f.Line,
					StartColumn: cols.column(f.File, f.Line, f.Col),
				},
			}}},
		}
		// A finding without an extent keeps SARIF's default end: the end
		// of its line.
		if f.EndLine > f.Line || f.EndLine == f.Line && f.EndCol > f.Col {
			reg := &r.Locations[0].PhysicalLocation.Region
			reg.EndLine, reg.EndColumn = f.EndLine, cols.column(f.File, f.EndLine, f.EndCol)
		}
		if f.Category != "" {
			r.Properties = map[string]string{"category": f.Category}
		}
		for i, rel := range f.Related {
			id := i + 1
			r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
				ID: &id,
				PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: artifact(rel.File, root),
					Region:           sarifRegion{StartLine: rel.Line, StartColumn: cols.column(rel.File, rel.Line, rel.Col)},
				},
				Message: &sarifText{rel.Message},
			})
		}
		for _, fx := range f.Fixes {
			sf := sarifFix{Description: sarifText{fx.Message}}
			byFile := map[string]int{}
			for _, e := range fx.Edits {
				i, ok := byFile[e.File]
				if !ok {
					i = len(sf.ArtifactChanges)
					byFile[e.File] = i
					sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(e.File, root)})
				}
				off, n := e.Start, e.End-e.Start
				rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &n}}
				if e.New != "" {
					rep.InsertedContent = &sarifText{e.New}
				}
				sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
			}
			r.Fixes = append(r.Fixes, sf)
		}
		run.Results = append(run.Results, r)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// sarifRoot returns the directory that result URIs are relative to: the
// root of the repository around dir, which is what code scanning resolves
// them against even when leakvet runs in a module in a subdirectory, or
// dir itself outside a repository.
func sarifRoot(dir string) string {
	if dir == "" {
		return ""
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// artifact locates file relative to %SRCROOT% when it lies under root,
// and by absolute file URI otherwise.
func artifact(file, root string) sarifArtifactLoc {
	if root != "" {
		if rel, err := filepath.Rel(root, file); err == nil && filepath.IsLocal(rel) {
			u := url.URL{Path: filepath.ToSlash(rel)}
			return sarifArtifactLoc{URI: u.EscapedPath(), URIBaseID: srcRoot}
		}
	}
	return sarifArtifactLoc{URI: fileURI(file)}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// columnConverter turns Go's byte columns into code-point columns,
// reading each file once. A file it cannot read keeps byte columns, which
// are the same for ASCII lines.
type columnConverter map[string][]string

func (c columnConverter) column(file string, line, col int) int {
	lines, ok := c[file]
	if !ok {
		if src, err := os.ReadFile(file); err == nil {
			lines = strings.SplitAfter(string(src), "\n")
		}
		c[file] = lines
	}
	if line < 1 || line > len(lines) || col < 1 {
		return col
	}
	text := lines[line-1]
	if col-1 > len(text) {
		return col
	}
	return utf8.RuneCountInString(text[:col-1]) + 1
}
