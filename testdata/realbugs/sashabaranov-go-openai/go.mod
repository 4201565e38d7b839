module leakvet.test/realbugs/sashabaranov-go-openai

go 1.26

require github.com/sashabaranov/go-openai v1.26.3
