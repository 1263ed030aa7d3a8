module github.com/wechatevent/wechatevent/bench

go 1.22

require (
	github.com/ArtisanCloud/PowerWeChat/v3 v3.2.38
	github.com/chanxuehong/wechat v0.0.0-20251219080029-3ccc67d5e12d
	github.com/fastwego/offiaccount v1.0.1
	github.com/silenceper/wechat/v2 v2.1.6
	github.com/stretchr/testify v1.9.0
	github.com/wechatevent/wechatevent v0.0.0-00010101000000-000000000000
)

require (
	github.com/ArtisanCloud/PowerLibs/v3 v3.2.5 // indirect
	github.com/bradfitz/gomemcache v0.0.0-20220106215444-fb4bf637b56d // indirect
	github.com/cespare/xxhash/v2 v2.2.0 // indirect
	github.com/clbanning/mxj/v2 v2.7.0 // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/dgryski/go-rendezvous v0.0.0-20200823014737-9f7001d12a5f // indirect
	github.com/faabiosr/cachego v0.15.0 // indirect
	github.com/go-redis/redis/v8 v8.11.5 // indirect
	github.com/kr/pretty v0.2.1 // indirect
	github.com/patrickmn/go-cache v2.1.0+incompatible // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/redis/go-redis/v9 v9.0.3 // indirect
	go.uber.org/atomic v1.7.0 // indirect
	go.uber.org/multierr v1.6.0 // indirect
	go.uber.org/zap v1.21.0 // indirect
	golang.org/x/crypto v0.0.0-20220622213112-05595931fe9d // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/wechatevent/wechatevent => ../
