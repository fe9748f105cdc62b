import { Blinksale } from 'blinksale';

const client = new Blinksale();
void client.clients.create({ name: 'x', email: 'a@b.co', nmae: 'typo' }); // expect: TS2353
