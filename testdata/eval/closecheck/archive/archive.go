package archive

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// addFile copies one file into the zip archive.
func addFile(zw *zip.Writer, path, name string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return err
	}
	hdr, err := zip.FileInfoHeader(st)
	if err != nil {
		return err
	}
	hdr.Name = name
	hdr.Method = zip.Deflate
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, src)
	return err
}

// Zip writes the files into a new zip archive at dst.
func Zip(dst string, files []string) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, f := range files {
		if err := addFile(zw, f, filepath.Base(f)); err != nil {
			return fmt.Errorf("add %s: %w", f, err)
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// ZipInline is Zip with the copying done in the loop.
func ZipInline(dst string, files []string) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, path := range files {
		w, err := zw.Create(filepath.Base(path))
		if err != nil {
			return err
		}
		src, err := os.Open(path) // eval:leak closecheck
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, src); err != nil {
			return fmt.Errorf("add %s: %w", path, err)
		}
		src.Close()
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// TarGz writes the files into a new tar.gz archive, closing the tar
// writer, the compressor and the file in order.
func TarGz(dst string, files []string) (err error) {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	zw := gzip.NewWriter(out)
	tw := tar.NewWriter(zw)
	for _, path := range files {
		if err := addTar(tw, path); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

func addTar(tw *tar.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	hdr, err := tar.FileInfoHeader(st, "")
	if err != nil {
		return err
	}
	hdr.Name = filepath.Base(path)
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}

// Bundle writes a release bundle: a tar.gz of the directory's files.
func Bundle(dst, dir string) error {
	out, err := os.Create(dst) // eval:leak closecheck
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(out)
	defer zw.Close()
	tw := tar.NewWriter(zw)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		if err := addTar(tw, filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return tw.Close()
}

// Unzip extracts a zip archive into dest.
func Unzip(src, dest string) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if err := extractZip(zf, dest); err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
	}
	return nil
}

// extractZip writes one zip entry under dest.
func extractZip(zf *zip.File, dest string) error {
	target, err := safeJoin(dest, zf.Name)
	if err != nil {
		return err
	}
	if zf.FileInfo().IsDir() {
		return os.MkdirAll(target, 0o755)
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, zf.Mode()) // eval:leak closecheck
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, io.LimitReader(rc, maxEntry)); err != nil {
		return err
	}
	return out.Close()
}

// ZipEntries lists the names in a zip archive.
func ZipEntries(src string) ([]string, error) {
	zr, err := zip.OpenReader(src) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	if len(zr.File) == 0 {
		return nil, errors.New("archive: empty zip")
	}
	names := make([]string, len(zr.File))
	for i, zf := range zr.File {
		names[i] = zf.Name
	}
	return names, zr.Close()
}

// Untar extracts a tar.gz archive into dest.
func Untar(src, dest string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		target, err := safeJoin(dest, hdr.Name)
		if err != nil {
			return err
		}
		if hdr.Typeflag == tar.TypeDir {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := writeEntry(target, tr, hdr.FileInfo().Mode()); err != nil {
			return err
		}
	}
}

func writeEntry(target string, r io.Reader, mode os.FileMode) error {
	out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, io.LimitReader(r, maxEntry)); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Prune removes all but the newest keep backups of dir.
func Prune(dir string, keep int) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	if err != nil {
		return err
	}
	if len(entries) <= keep {
		return nil
	}
	for _, e := range entries[:len(entries)-keep] {
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
