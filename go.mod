module edition

go 1.26.8
