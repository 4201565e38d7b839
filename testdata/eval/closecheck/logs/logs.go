package logs

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"leakvet.test/eval/internal/fsx"
)

// Open opens a buffered log file for appending.
func Open(path string) (*File, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &File{path: path, f: f, w: bufio.NewWriterSize(f, 64<<10), size: st.Size()}, nil
}

// Rotate renames the current file aside and opens a fresh one in its
// place.
func (l *File) Rotate() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.w.Flush(); err != nil {
		return err
	}
	if err := os.Rename(l.path, l.path+"."+time.Now().Format("20060102-150405")); err != nil {
		return err
	}
	f, err := os.OpenFile(l.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	old := l.f
	l.f, l.w, l.size = f, bufio.NewWriterSize(f, 64<<10), 0
	return old.Close()
}

// WriteAudit appends entries to the audit log in one go.
func WriteAudit(path string, entries []Entry) error {
	lf, err := Open(path)
	if err != nil {
		return err
	}
	defer lf.Close()
	enc := json.NewEncoder(lf)
	for _, e := range entries {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}

// Mark writes a marker line to the log, for operators.
func Mark(path, text string) error {
	lf, err := Open(path) // eval:leak closecheck
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(lf, "---- %s %s ----\n", time.Now().Format(time.RFC3339), text)
	return err
}

// Compact rewrites the audit log without the entries of actor, holding the
// log's lock file while it does.
func Compact(path, actor string) error {
	lf, err := fsx.OpenLocked(path)
	if err != nil {
		return err
	}
	defer lf.Close()
	var kept []Entry
	dec := json.NewDecoder(lf)
	for {
		var e Entry
		if err := dec.Decode(&e); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		if e.Actor != actor {
			kept = append(kept, e)
		}
	}
	if err := lf.Truncate(0); err != nil {
		return err
	}
	if _, err := lf.Seek(0, io.SeekStart); err != nil {
		return err
	}
	enc := json.NewEncoder(lf)
	for _, e := range kept {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}

// Count counts the audit entries under the log's lock.
func Count(path string) (int, error) {
	lf, err := fsx.OpenLocked(path) // eval:leak closecheck
	if err != nil {
		return 0, err
	}
	n := 0
	sc := bufio.NewScanner(lf)
	for sc.Scan() {
		n++
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return n, lf.Close()
}

// OpenSpool opens the spool for appending at its end.
func OpenSpool(dir string) (*Spool, error) {
	f, err := os.OpenFile(filepath.Join(dir, "spool.jsonl"), os.O_CREATE|os.O_RDWR, 0o600) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	first, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("spool: %w", err)
	}
	if first != "" && !strings.HasPrefix(first, `{"spool":2`) {
		return nil, fmt.Errorf("spool: unsupported format %.40q", first)
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		f.Close()
		return nil, fmt.Errorf("spool: %w", err)
	}
	return &Spool{f: f}, nil
}

// FlushEvery flushes the log file every interval until ctx ends. The
// module targets Go 1.23 or later, where an unreferenced ticker is
// collected without Stop.
func (l *File) FlushEvery(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := l.Flush(); err != nil {
				log.Printf("flush %s: %v", l.path, err)
			}
		}
	}
}

// RotateDaily rotates the log file at every interval until ctx ends.
func (l *File) RotateDaily(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := l.Rotate(); err != nil {
				log.Printf("rotate %s: %v", l.path, err)
			}
		}
	}
}

// accessLog is the process-wide access log, opened at start-up.
var accessLog *os.File

// InitAccessLog opens the access log for the life of the process.
func InitAccessLog(path string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	accessLog = f
	log.SetOutput(f)
	return nil
}

// Tee returns a writer that copies the log to path as well as to w; the
// returned closer closes the copy.
func Tee(w io.Writer, path string) (io.Writer, io.Closer, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, nil, err
	}
	return io.MultiWriter(w, f), f, nil
}

// Archive copies the current log into the archive directory.
func Archive(path, dir string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(filepath.Join(dir, filepath.Base(path)+"."+time.Now().Format("20060102")))
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// ArchiveAll copies every rotated log of dir into the archive directory.
func ArchiveAll(dir, archive string) error {
	matches, err := filepath.Glob(filepath.Join(dir, "*.log.*"))
	if err != nil {
		return err
	}
	for _, m := range matches {
		src, err := os.Open(m)
		if err != nil {
			return err
		}
		dst, err := os.Create(filepath.Join(archive, filepath.Base(m))) // eval:leak closecheck
		if err != nil {
			src.Close()
			return err
		}
		_, err = io.Copy(dst, src)
		src.Close()
		if err != nil {
			return err
		}
		dst.Close()
	}
	return nil
}
