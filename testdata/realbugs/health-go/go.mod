module leakvet.test/realbugs/health-go

go 1.26

require github.com/hellofresh/health-go/v5 v5.5.4

require (
	go.opentelemetry.io/otel v1.35.0 // indirect
	go.opentelemetry.io/otel/trace v1.35.0 // indirect
)
