// Package fasthttp is a stand-in for github.com/valyala/fasthttp.
package fasthttp

type RequestCtx struct{ path []byte }

func (ctx *RequestCtx) Path() []byte { return ctx.path }

type RequestHandler func(ctx *RequestCtx)
