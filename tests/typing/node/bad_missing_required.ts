import { Blinksale } from 'blinksale';

const client = new Blinksale();
void client.clients.create({ name: 'x' }); // expect: TS2345
