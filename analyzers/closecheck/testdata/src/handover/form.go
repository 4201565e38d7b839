package handover

import (
	"mime/multipart"
	"reflect"
)

// Detail is a concrete error type, returned as a pointer: nil means
// success.
type Detail struct{ Msg string }

func (d *Detail) Error() string { return d.Msg }

// FormFile embeds the opened file.
type FormFile struct {
	multipart.File
	Name string
}

func readFile(fh *multipart.FileHeader) (FormFile, *Detail) {
	f, err := fh.Open()
	if err != nil {
		return FormFile{}, &Detail{Msg: "open"}
	}
	return FormFile{File: f, Name: fh.Filename}, nil
}

// A non-nil *Detail is a failed read: nothing to close on that branch.
// The files go back to the caller in the slice.
func readFiles(fhs []*multipart.FileHeader) ([]FormFile, []error) {
	files := make([]FormFile, len(fhs))
	var errs []error
	for i, fh := range fhs {
		file, derr := readFile(fh)
		if derr != nil {
			errs = append(errs, derr)
			continue
		}
		files[i] = file
	}
	return files, errs
}

// Set through reflection into the value being decoded, which the caller
// gets.
func decode(fhs []*multipart.FileHeader, dst any) []error {
	v := reflect.ValueOf(dst).Elem()
	var errs []error
	for i := 0; i < v.NumField() && i < len(fhs); i++ {
		field := v.Field(i)
		file, derr := readFile(fhs[i])
		if derr != nil {
			errs = append(errs, derr)
			continue
		}
		field.Set(reflect.ValueOf(file))
	}
	return errs
}

// The file read is only looked at through reflection, then dropped.
func fileName(fh *multipart.FileHeader) string {
	file, derr := readFile(fh) // want `FormFile from readFile is not closed when returning at line 68 \(readFile returns it unreleased at form.go:25\)`
	if derr != nil {
		return ""
	}
	if rv := reflect.ValueOf(file); rv.Kind() != reflect.Struct {
		return ""
	}
	return file.Name
}

// A nil *Detail does not end the duty.
func readOne(fh *multipart.FileHeader) error {
	file, derr := readFile(fh) // want `FormFile from readFile is not closed when returning at line 80 \(readFile returns it unreleased at form.go:25\)`
	if derr != nil {
		return derr
	}
	_ = file.Name
	return nil
}
