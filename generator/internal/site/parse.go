package site

import (
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func textReader(src []byte) text.Reader { return text.NewReader(src) }

func withContext(pc parser.Context) parser.ParseOption { return parser.WithContext(pc) }
