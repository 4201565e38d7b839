package rangenoclose

func (p *LeakyPool) work() {
	for j := range p.jobs {
		handle(j)
	}
}

func (p *LeakyPool) Submit(j int) { p.jobs <- j }
