module github.com/wechatevent/wechatevent/examples/server

go 1.22

require (
	github.com/redis/go-redis/v9 v9.18.0
	github.com/stretchr/testify v1.9.0
	github.com/wechatevent/wechatevent v0.0.0
	github.com/wechatevent/wechatevent/redisstore v0.0.0
)

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/dgryski/go-rendezvous v0.0.0-20200823014737-9f7001d12a5f // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	go.uber.org/atomic v1.11.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace (
	github.com/wechatevent/wechatevent => ../..
	github.com/wechatevent/wechatevent/redisstore => ../../redisstore
)
