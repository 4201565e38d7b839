package syntaxerr

func Broken( {
}
