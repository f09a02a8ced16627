// Package valhash writes a Go value as bytes that change whenever the
// value does, for keying what was made from it: a template's output by the
// data it was executed with.
//
// It sees what a template can read, as encoding/json would: exported
// fields (and those promoted from embedded structs), elements, map
// entries in key order, and a struct's own JSON or text form when it has
// one (time.Time). Unlike JSON it writes strings as they are, with their
// length, which is several times faster on a page of HTML and Chinese
// text: it is not an encoding anyone reads back.
package valhash

import (
	"cmp"
	"encoding"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
)

// Write writes v's bytes to w. It fails on what JSON cannot show either
// (functions, channels, complex numbers), on map keys other than strings
// and integers, and on values nested over 200 deep (a cycle).
func Write(w io.Writer, v any) error {
	e := &encoder{w: w, buf: make([]byte, 0, 512)}
	e.value(reflect.ValueOf(v), 0)
	if e.err == nil {
		e.flush()
	}
	return e.err
}

const (
	maxDepth = 200
	bigText  = 256 // longer strings go to w as they are, not through buf
)

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

type encoder struct {
	w   io.Writer
	buf []byte
	err error
}

func (e *encoder) flush() {
	if len(e.buf) > 0 && e.err == nil {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

func (e *encoder) tag(b byte) { e.buf = append(e.buf, b) }

func (e *encoder) uint(u uint64) { e.buf = binary.AppendUvarint(e.buf, u) }

func (e *encoder) str(s string) {
	e.tag('s')
	e.uint(uint64(len(s)))
	if len(s) < bigText {
		e.buf = append(e.buf, s...)
		return
	}
	e.flush()
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("valhash: "+format, args...)
	}
}

func (e *encoder) value(v reflect.Value, depth int) {
	if e.err != nil {
		return
	}
	if depth > maxDepth {
		e.fail("nested over %d deep (a cycle?)", maxDepth)
		return
	}
	if len(e.buf) > 4096 {
		e.flush()
	}
	switch v.Kind() {
	case reflect.Invalid:
		e.tag('0')
	case reflect.Bool:
		e.tag('f')
		if v.Bool() {
			e.tag('t')
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.tag('i')
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.tag('u')
		e.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.tag('d')
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
	case reflect.String:
		e.str(v.String())
	case reflect.Pointer, reflect.Interface:
		e.indirect(v, depth)
	case reflect.Slice, reflect.Array:
		e.list(v, depth)
	case reflect.Map:
		e.mapping(v, depth)
	case reflect.Struct:
		e.record(v, depth)
	default:
		e.fail("cannot key a %s", v.Type())
	}
}

func (e *encoder) indirect(v reflect.Value, depth int) {
	if v.IsNil() {
		e.tag('n')
		return
	}
	e.tag('p')
	if v.Kind() == reflect.Interface {
		// The same fields in two types are two values.
		e.str(v.Elem().Type().String())
	}
	e.value(v.Elem(), depth+1)
}

func (e *encoder) list(v reflect.Value, depth int) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		e.tag('n')
		return
	}
	if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
		e.str(string(v.Bytes()))
		return
	}
	e.tag('l')
	e.uint(uint64(v.Len()))
	for i := range v.Len() {
		e.value(v.Index(i), depth+1)
	}
}

func (e *encoder) mapping(v reflect.Value, depth int) {
	if v.IsNil() {
		e.tag('n')
		return
	}
	keys := v.MapKeys()
	switch v.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) })
	default:
		e.fail("cannot key a map keyed by %s", v.Type().Key())
		return
	}
	e.tag('m')
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.value(k, depth+1)
		e.value(v.MapIndex(k), depth+1)
	}
}

func (e *encoder) record(v reflect.Value, depth int) {
	t := v.Type()
	if b, ok, err := marshalled(v); ok || err != nil {
		if err != nil {
			e.fail("%s: %v", t, err)
			return
		}
		e.str(string(b))
		return
	}
	e.tag('r')
	for i := range t.NumField() {
		f := t.Field(i)
		// An unexported embedded struct still lends its exported fields.
		if !f.IsExported() && !(f.Anonymous && f.Type.Kind() == reflect.Struct) {
			continue
		}
		e.value(v.Field(i), depth+1)
	}
}

// marshalled is v's own JSON or text form, when its type has one.
func marshalled(v reflect.Value) ([]byte, bool, error) {
	t := v.Type()
	if !t.Implements(jsonMarshaler) && !t.Implements(textMarshaler) {
		if !v.CanAddr() || !(reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)) {
			return nil, false, nil
		}
		v = v.Addr()
	}
	if !v.CanInterface() {
		return nil, false, nil
	}
	switch m := v.Interface().(type) {
	case json.Marshaler:
		b, err := m.MarshalJSON()
		return b, true, err
	case encoding.TextMarshaler:
		b, err := m.MarshalText()
		return b, true, err
	}
	return nil, false, nil
}
